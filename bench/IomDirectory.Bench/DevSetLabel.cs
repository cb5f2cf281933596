using System.Text.RegularExpressions;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Bench;

/// <summary>
/// A dev-set label: alternatives separated by "|", each "kind:value" (a piece without a kind continues the previous
/// one). email: exact address; rts: a Regional Thematic Specialist in that city; unit: regex on unit or display name;
/// office: regex on office name, city or display name. All case-insensitive. "unconfident" (no kind, no value): the
/// answer must have confident = false, whatever it lists.
/// </summary>
internal sealed class DevSetLabel
{
    private static readonly string[] Kinds = ["email", "rts", "unit", "office"];
    private readonly List<(string Kind, string Value)> _alternatives = [];

    public DevSetLabel(string text)
    {
        Text = text;
        var kind = "";
        foreach (var piece in text.Split('|'))
        {
            var colon = piece.IndexOf(':');
            if (colon > 0 && Kinds.Contains(piece[..colon])) { kind = piece[..colon]; _alternatives.Add((kind, piece[(colon + 1)..])); }
            else _alternatives.Add((kind, piece));
        }
    }

    public string Text { get; }

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Whether the label holds for the answer's suggestion at <paramref name="position"/> (0 = first).</summary>
    public bool Matches(SuggestContactsResponse response, int position) =>
        string.Equals(Text, "unconfident", StringComparison.Ordinal)
            ? !response.Confident
            : position < response.Suggestions.Count && Matches(response.Suggestions[position]);

    public bool Matches(ContactSuggestion s) => _alternatives.Any(a => a.Kind switch
    {
        "email" => string.Equals(s.Email, a.Value, StringComparison.OrdinalIgnoreCase),
        "rts" => s.ContactKind == "focal_point"
                 && (s.RoleTitle.Contains("Regional Thematic Specialist", StringComparison.OrdinalIgnoreCase) || s.RoleTitle.Contains("(RTS)", StringComparison.Ordinal))
                 && Like(s.OfficeCity, a.Value),
        "unit" => Like(s.UnitName, a.Value) || Like(s.DisplayName, a.Value),
        "office" => Like(s.OfficeName, a.Value) || Like(s.OfficeCity, a.Value) || Like(s.DisplayName, a.Value),
        _ => false,
    });

    private static bool Like(string text, string pattern) => Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
