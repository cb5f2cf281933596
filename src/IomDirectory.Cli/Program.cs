using IomDirectory.Cli;

return await CliApp.RunAsync(args);
