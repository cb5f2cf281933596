using IomDirectory.Cli.Output;

namespace IomDirectory.Cli.SignIn;

/// <summary>
/// The token a command sends when neither --token nor IOMDIR_TOKEN gives one: the stored sign-in's, renewed silently
/// with its refresh token when it is about to expire. A sign-in that cannot be renewed says so on stderr and the
/// command goes on without a token (reads need none; writes then say they need one).
/// </summary>
public static class SignInToken
{
    public static async Task<string?> FromStoreAsync(Terminal output, CancellationToken cancellation)
    {
        var path = StoredSignIn.DefaultPath();
        try
        {
            if (StoredSignIn.Load(path) is not { } stored) return null;
            if (stored.ExpiresAt - DeviceSignIn.RenewBefore > DateTimeOffset.UtcNow) return stored.AccessToken;
            using var flow = new DeviceSignIn();
            var renewed = await flow.RefreshAsync(stored, cancellation);
            renewed.Save(path);
            return renewed.AccessToken;
        }
        catch (CliFailure failure)
        {
            output.Error(failure.Message);
            return null;
        }
    }
}
