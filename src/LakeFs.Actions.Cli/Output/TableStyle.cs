using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>The look every table shares: no borders, bold headers, columns separated by spaces (like kubectl and gh).</summary>
internal static class TableStyle
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))).NoWrap().PadLeft(0).PadRight(2));
        }

        return table;
    }
}
