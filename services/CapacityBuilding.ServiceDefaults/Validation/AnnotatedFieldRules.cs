using System.Collections.Concurrent;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The static field rules written as <c>buf.validate</c> annotations in protos/, checked by
/// ProtoValidate. One instance per process, made while the services are registered: the rules of
/// every request type are compiled then, which no first call should wait for, and a rule that
/// does not compile stops the process at start.
/// </summary>
public sealed class AnnotatedFieldRules
{
    // Only the file that defines the suite's own rules. ProtoValidate 1.0.1 hands these files to
    // its CEL engine, which searches every enum of every message in them on each member access
    // (`rules.lt`) of every rule it evaluates: with the services' files that search was most of
    // a request's validation time. The request types are compiled below instead.
    private readonly ProtoValidate.Validator validator = new(new ProtoValidate.ValidatorOptions
    {
        FileDescriptors = [FieldRulesReflection.Descriptor],
    });

    // Most read requests (Get, List) carry no rule at all.
    private readonly ConcurrentDictionary<MessageDescriptor, bool> annotated = new();

    public AnnotatedFieldRules()
    {
        foreach (var request in RequestTypes().Where(HasRules))
        {
            // Builds and caches the type's evaluators, and those of the messages inside it,
            // compiling their rules without evaluating any.
            validator.GetEvaluatorDebugString(request.Parser.ParseFrom(ByteString.Empty));
        }
    }

    private bool HasRules(MessageDescriptor message) => annotated.GetOrAdd(message, AnnotatedRulePresence.AnyIn);

    /// <summary>The input messages of every method of the suite's services.</summary>
    private static IEnumerable<MessageDescriptor> RequestTypes() =>
        new[] { AssistanceServiceReflection.Descriptor, TrainingServiceReflection.Descriptor, FundingServiceReflection.Descriptor }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(method => method.InputType)
            .Distinct();

    /// <summary>Every broken rule of <paramref name="message"/>, as AIP-193 field paths under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Check(IMessage message, string prefix = "")
    {
        if (!HasRules(message.Descriptor))
        {
            return [];
        }

        var result = validator.Validate(message, failFast: false);
        if (result.Violations.Count == 0)
        {
            return [];
        }

        return [.. result.Violations.Select(violation => new BadRequest.Types.FieldViolation
        {
            Field = FieldPathOf(prefix, violation.Field),
            Description = violation.Message,
        })];
    }

    // ProtoValidate names a field by its path elements; AIP-193 writes them as
    // `assistance_request.thematic_areas[2]`.
    private static string FieldPathOf(string prefix, Buf.Validate.FieldPath? path)
    {
        var text = new System.Text.StringBuilder(prefix);
        foreach (var element in path?.Elements ?? [])
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(element.FieldName);
            if (element.HasIndex)
            {
                text.Append('[').Append(element.Index).Append(']');
            }
        }

        return text.ToString();
    }
}
