using System.Diagnostics;

namespace CapacityBuilding.ServiceDefaults.Telemetry;

/// <summary>
/// Reads the trace context of an incoming call that carries several <c>traceparent</c> values as
/// a child of the last one. Through Dapr every call does: the caller's sidecar appends its own
/// span's <c>traceparent</c> after the one the calling app sent (dapr/dapr v1.16.19
/// <c>pkg/diagnostics/grpc_tracing.go</c>, <c>SpanContextToGRPCMetadata</c>), so the callee
/// receives two. ASP.NET Core hands the propagator both joined by a comma, which is no valid
/// <c>traceparent</c>, and the call would start a new trace, cut from its caller's. The last value
/// is the sidecar's span, itself a child of the caller's, so the trace stays whole. Everything
/// else is the platform's own propagator.
/// </summary>
public sealed class LastTraceparentPropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    private const string TraceParent = "traceparent";

    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) => inner.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        inner.ExtractTraceIdAndState(carrier, LastTraceparent(getter), out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);

    private static PropagatorGetterCallback? LastTraceparent(PropagatorGetterCallback? getter) => getter is null ? null :
        (object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues) =>
        {
            getter(carrier, fieldName, out fieldValue, out fieldValues);
            if (!fieldName.Equals(TraceParent, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            fieldValue = Last(fieldValue);
            if (Last(fieldValues?.LastOrDefault()) is { } last)
            {
                fieldValues = [last];
            }
        };

    /// <summary>The last of the values a field lists (one field joined by commas, or several).</summary>
    private static string? Last(string? values) => values?[(values.LastIndexOf(',') + 1)..].Trim();
}
