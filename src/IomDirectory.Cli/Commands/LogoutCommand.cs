using System.CommandLine;
using IomDirectory.Cli.SignIn;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir logout: forgets the stored sign-in (the access and refresh tokens) on this computer.</summary>
public static class LogoutCommand
{
    public static Command Create()
    {
        var command = new Command("logout", "Forgets the sign-in 'iomdir login' kept on this computer.");
        command.WithExamples("iomdir logout");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, _ =>
        {
            var path = StoredSignIn.DefaultPath();
            var existed = File.Exists(path);
            File.Delete(path);
            Console.Out.WriteLine(existed ? $"Signed out: {path} is deleted." : "Not signed in.");
            return Task.FromResult(ExitCodes.Ok);
        }, needsToken: false));
        return command;
    }
}
