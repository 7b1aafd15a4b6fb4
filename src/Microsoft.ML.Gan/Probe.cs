namespace Microsoft.ML.Gan { /// <summary>placeholder</summary>
public static class Probe { } }
