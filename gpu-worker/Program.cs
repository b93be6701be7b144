using GenAgent.GpuWorker.Commands;

// serve (default) | make-test-models <folder> | bench --models <folder>; see WorkerCommandLine.Usage.
return await WorkerCommandLine.RunAsync(args, Console.Out, Console.Error);
