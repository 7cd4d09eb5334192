using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using Google.Protobuf;
using Google.Rpc;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The static field rules written as <c>buf.validate</c> annotations in protos/, checked by
/// ProtoValidate. One instance per process, made while the services are registered: compiling
/// every rule takes up to a second, which no first call should wait for, and a rule that does not
/// compile stops the process at start.
/// </summary>
public sealed class AnnotatedFieldRules
{
    private readonly ProtoValidate.Validator validator = new(new ProtoValidate.ValidatorOptions
    {
        PreLoadDescriptors = true,
        // The services' files for their requests, and the file that defines the suite's own rules.
        FileDescriptors =
        [
            AssistanceServiceReflection.Descriptor, TrainingServiceReflection.Descriptor, FundingServiceReflection.Descriptor,
            FieldRulesReflection.Descriptor,
        ],
    });

    /// <summary>Every broken rule of <paramref name="message"/>, as AIP-193 field paths under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Check(IMessage message, string prefix = "")
    {
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
