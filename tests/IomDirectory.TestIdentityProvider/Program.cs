// By hand: `dotnet run --project tests/IomDirectory.TestIdentityProvider -- 5090` starts the provider on
// http://127.0.0.1:5090/ until Ctrl+C (users and applications: TestUsers.cs). The tests start it in-process instead.
using IomDirectory.TestIdentityProvider;

var port = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 5090;
await using var provider = await OidcTestProvider.StartAsync(port);
Console.WriteLine($"Test OpenID Connect provider at {provider.Authority} (Ctrl+C stops it)");
if (args.Length > 1) await provider.AllowRedirectAsync(new Uri(args[1]));
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
