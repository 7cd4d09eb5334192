using CapacityBuilding.Benchmarks.Import;

// dotnet run --project tests/CapacityBuilding.Benchmarks.Import -c Release [rows]
var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
return ImportBenchmark.Run(rows);
