using System.CommandLine;
using IomDirectory.Cli.SignIn;

namespace IomDirectory.Cli.Commands;

/// <summary>
/// iomdir login: signs in with the organization's identity provider by the device authorization grant (RFC 8628):
/// prints a URL and a code, waits while the person approves it in a browser, then keeps the token and its refresh
/// token (mode 600) for the commands that follow.
/// </summary>
public static class LoginCommand
{
    public const string AuthorityVariable = "IOMDIR_AUTHORITY";
    public const string ClientIdVariable = "IOMDIR_CLIENT_ID";
    public const string DefaultScope = "openid profile offline_access";

    public static Command Create()
    {
        var authority = new Option<string?>("--authority") { Description = $"The identity provider's issuer URL (default ${AuthorityVariable})", HelpName = "URL" };
        var clientId = new Option<string?>("--client-id") { Description = $"iomdir's client id at the provider (default ${ClientIdVariable})", HelpName = "ID" };
        var scope = new Option<string>("--scope")
        {
            Description = $"Scopes asked for (default \"{DefaultScope}\"; Entra ID: add the API's scope, api://APP-ID/SCOPE)",
            HelpName = "SCOPES",
            DefaultValueFactory = _ => DefaultScope,
        };
        var command = new Command("login", "Signs in with the organization's identity provider (device code) and keeps the token for later commands.")
        {
            authority, clientId, scope,
        };
        command.WithExamples("iomdir login --authority https://login.microsoftonline.com/TENANT/v2.0 --client-id CLIENT-ID --scope \"openid profile offline_access api://iomdirectory/access\"");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var issuer = parse.GetValue(authority) ?? Environment.GetEnvironmentVariable(AuthorityVariable);
            var client = parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable(ClientIdVariable);
            if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(client))
                throw new CliFailure(ExitCodes.Usage, $"login needs --authority and --client-id (or ${AuthorityVariable} and ${ClientIdVariable})");
            using var flow = new DeviceSignIn();
            var signedIn = await flow.SignInAsync(DeviceSignIn.CheckAuthority(issuer), client, parse.GetValue(scope)!, Console.Error, context.Cancellation);
            var path = StoredSignIn.DefaultPath();
            signedIn.Save(path);
            Console.Out.WriteLine($"Signed in as {signedIn.Name}. The token is kept in {path} and renewed when it expires; 'iomdir logout' forgets it.");
            return ExitCodes.Ok;
        }, needsToken: false));
        return command;
    }
}
