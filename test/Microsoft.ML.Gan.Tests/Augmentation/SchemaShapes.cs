namespace Microsoft.ML.Gan.Tests.Augmentation;

internal static class SchemaShapes
{
    // SchemaShape.Create is internal to ML.NET; pipelines call it for users, a test has to reach it by reflection.
    public static SchemaShape Of(DataViewSchema schema) => (SchemaShape)typeof(SchemaShape)
        .GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, [typeof(DataViewSchema)])!
        .Invoke(null, [schema])!;
}
