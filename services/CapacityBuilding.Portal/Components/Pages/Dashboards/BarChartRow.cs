namespace CapacityBuilding.Portal.Components.Pages.Dashboards;

/// <summary>One category of a <see cref="BarChart"/>: its name and one value per series, in the series' order.</summary>
public sealed record BarChartRow(string Label, IReadOnlyList<decimal> Values);
