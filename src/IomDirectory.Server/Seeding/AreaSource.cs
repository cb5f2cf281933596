using System.Text.Json;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// One array of records in the data/ format (an area such as "units"), with where each element sits for
/// messages: a file of data/ for the folder, "units[12]" for a one-file document. The folder and the document
/// readers differ only in how they find these arrays; <see cref="DataSetReader"/> reads them the same way.
/// The elements belong to their parsed file and are read before the next area is asked for.
/// </summary>
public sealed record AreaSource(string Area, IReadOnlyList<JsonElement> Items, Func<int, string> Location);

/// <summary>The areas of the data/ format: the array name each holds its records under.</summary>
public static class DataAreas
{
    public const string Sources = "sources";
    public const string Offices = "offices";
    public const string Functions = "functions";
    public const string Coverage = "coverage";
    public const string Units = "units";
    public const string Mailboxes = "mailboxes";
    public const string FocalPoints = "focal_points";
    public const string Committees = "committees";

    public static IReadOnlyList<string> All { get; } = [Sources, Offices, Functions, Coverage, Units, Mailboxes, FocalPoints, Committees];

    /// <summary>The position of an area in the folder's reading order.</summary>
    public static int Order(string area) => All.ToList().IndexOf(area);
}
