namespace IomDirectory.TestIdentityProvider;

/// <summary>A person who can sign in at the test provider: the login form checks the password, tokens carry the rest.</summary>
public sealed record TestUser(string UserName, string Password, string Subject, string DisplayName, string[] Roles, string[] Groups);

/// <summary>An application with its own credentials (client-credentials grant): a helpdesk tool and its app roles.</summary>
public sealed record TestApplication(string ClientId, string Secret, string DisplayName, string[] Roles);

/// <summary>The fixed people and applications of the test provider, with roles as Entra ID's app roles would give them.</summary>
public static class TestDirectory
{
    /// <summary>The audience of every access token (an Entra ID application ID URI looks like this).</summary>
    public const string ApiAudience = "api://iomdirectory";

    public const string WebClientId = "iomdir-web";
    public const string WebClientSecret = "web-client-secret-for-tests";
    public const string CliClientId = "iomdir-cli";

    public static readonly TestUser Erin = new("erin", "erin-password", "5d1c7e0a-erin", "Erin Editor", ["directory.editor"], ["grp-directory-editors"]);
    public static readonly TestUser Rita = new("rita", "rita-password", "9b2f4c11-rita", "Rita Reader", ["directory.reader"], ["grp-directory-readers"]);
    public static readonly TestUser Ada = new("ada", "ada-password", "0e7a9d23-ada", "Ada Admin", ["directory.admin"], ["grp-directory-admins"]);
    public static readonly TestUser Noah = new("noah", "noah-password", "77aa3e05-noah", "Noah Nobody", [], []);

    public static readonly TestApplication HelpdeskReader = new("helpdesk-reader", "helpdesk-reader-secret", "Helpdesk lookup tool", ["directory.reader"]);
    public static readonly TestApplication HelpdeskEditor = new("helpdesk-editor", "helpdesk-editor-secret", "Helpdesk sync tool", ["directory.editor"]);

    public static readonly TestUser[] Users = [Erin, Rita, Ada, Noah];
    public static readonly TestApplication[] Applications = [HelpdeskReader, HelpdeskEditor];
}
