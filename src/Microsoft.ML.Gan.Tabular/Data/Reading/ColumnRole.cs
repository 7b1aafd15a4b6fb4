namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>What a synthesizer does with a column of a table read by <see cref="TabularFileReader"/>.</summary>
public enum ColumnRole
{
    /// <summary>Numbers learned as a continuous distribution (blank cells are missing values).</summary>
    Continuous,

    /// <summary>Categories: every distinct cell text is a category (a blank cell is the category "missing").</summary>
    Discrete,

    /// <summary>Dates and times, learned as continuous instants and written back in the file's format.</summary>
    DateTime,

    /// <summary>
    /// A key or personal identifier (a distinct value in nearly every row, or e-mail, phone or UUID text): never learned.
    /// Left out, or replaced by fresh synthetic identifiers when <see cref="ColumnMetadata.Generate"/> is set.
    /// </summary>
    Identifier,

    /// <summary>Every cell blank, or one value in every row: nothing to learn; left out.</summary>
    Constant,

    /// <summary>Left out on request.</summary>
    Ignored,
}

/// <summary>What the cells of a column hold, as read from the file.</summary>
public enum ColumnValueKind
{
    /// <summary>Numbers (blank and NaN cells are missing).</summary>
    Number,

    /// <summary>Text.</summary>
    Text,

    /// <summary>Dates or times in one format (<see cref="ColumnMetadata.DateTimeFormat"/>).</summary>
    DateTime,
}
