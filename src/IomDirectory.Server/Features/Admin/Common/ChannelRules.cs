using System.Text.RegularExpressions;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Mailboxes;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// The limits of contact channels, written once and applied by the data/ loader, the import and every edit: at most
/// 5 e-mail addresses and 5 phones per record; an e-mail address as mailboxes take them; a phone in international
/// form (+, country code, 8 to 15 digits, spaces, hyphens, dots and parentheses allowed, at most 32 characters); a
/// postal address of at most 500 characters; a website an absolute https URL of at most 500 characters; a route
/// through an id of at most 100 characters with a reason of at most 500 characters per language, in English or French
/// at least.
/// </summary>
public static partial class ChannelRules
{
    public const int MaxEmails = 5, MaxPhones = 5, MaxPhoneLength = 32, MaxPostalAddress = 500, MaxWebsite = 500, MaxReason = 500, MaxVia = 100;

    /// <param name="fail">Called with the field's path under <paramref name="prefix"/> ("office.channels.phones[0]") and the problem.</param>
    public static void Check(ContactChannels channels, string prefix, Action<string, string> fail)
    {
        if (channels.Emails.Count > MaxEmails) fail($"{prefix}.emails", $"at most {MaxEmails} e-mail addresses");
        for (var i = 0; i < channels.Emails.Count; i++)
            if (!MailboxRules.IsValidAddress(channels.Emails[i].Value))
                fail($"{prefix}.emails[{i}]", $"'{Short(channels.Emails[i].Value)}' is not a valid e-mail address");
        if (channels.Phones.Count > MaxPhones) fail($"{prefix}.phones", $"at most {MaxPhones} phone numbers");
        for (var i = 0; i < channels.Phones.Count; i++)
            if (!IsValidPhone(channels.Phones[i].Value))
                fail($"{prefix}.phones[{i}]", $"'{Short(channels.Phones[i].Value)}' is not a phone number in international form (+41 22 717 9111): +, country code, 8 to 15 digits, at most {MaxPhoneLength} characters");
        if (channels.PostalAddress is { } postal && (postal.Value.Length > MaxPostalAddress || postal.Value.Any(c => char.IsControl(c) && c != '\n')))
            fail($"{prefix}.postal_address", $"a postal address is at most {MaxPostalAddress} characters, lines separated by new lines only");
        if (channels.Website is { } website && !IsValidWebsite(website.Value))
            fail($"{prefix}.website", $"'{Short(website.Value)}' is not an https URL (https://host.example/…, at most {MaxWebsite} characters)");
        if (channels.Route is { } route)
        {
            if (route.Via.Length is 0 or > MaxVia)
                fail($"{prefix}.route.via", $"a route names the unit or office that answers (an id of at most {MaxVia} characters)");
            if (route.Reason.En.Trim().Length == 0 && route.Reason.Fr.Trim().Length == 0)
                fail($"{prefix}.route.reason", "a route says why, in English or French at least");
            if (route.Reason.All().Any(t => t.Length > MaxReason))
                fail($"{prefix}.route.reason", $"a route's reason is at most {MaxReason} characters in each language");
        }
    }

    /// <summary>Every source a channel cites (to check against the known sources).</summary>
    public static IEnumerable<(string Field, string Source)> Sources(ContactChannels channels)
    {
        for (var i = 0; i < channels.Emails.Count; i++) yield return ($"channels.emails[{i}]", channels.Emails[i].Source);
        for (var i = 0; i < channels.Phones.Count; i++) yield return ($"channels.phones[{i}]", channels.Phones[i].Source);
        if (channels.PostalAddress is { } postal) yield return ("channels.postal_address", postal.Source);
        if (channels.Website is { } website) yield return ("channels.website", website.Source);
        if (channels.Route is { } route) yield return ("channels.route", route.Source);
    }

    public static bool IsValidPhone(string phone)
    {
        if (phone.Length > MaxPhoneLength || !PhonePattern().IsMatch(phone)) return false;
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15;
    }

    public static bool IsValidWebsite(string website) =>
        website.Length <= MaxWebsite && !website.Any(char.IsWhiteSpace)
        && Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && uri.Host.Contains('.', StringComparison.Ordinal) && string.IsNullOrEmpty(uri.UserInfo);

    private static string Short(string text) => text.Length <= 100 ? text : text[..100] + "…";

    [GeneratedRegex(@"^\+[1-9][0-9]*([ .\-]?(\([0-9]+\)|[0-9]+))*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
