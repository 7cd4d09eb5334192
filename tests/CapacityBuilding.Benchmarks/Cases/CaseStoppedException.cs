namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Thrown by a case's call when the case cannot go on (it used up what was seeded for it). The
/// harness stops that case, drops the run it was in and reports why, instead of figures of a
/// run that measured something else.
/// </summary>
internal sealed class CaseStoppedException(string reason) : Exception(reason);
