using GenAgent.Cli;

return await GenAgentCli.InvokeAsync(args);
