using IomDirectory.Server.Hosting;

return await ServerHost.RunAsync(args);
