using PaperTrail.Commands;

return Cli.Run(args, Console.Out, Console.Error);
