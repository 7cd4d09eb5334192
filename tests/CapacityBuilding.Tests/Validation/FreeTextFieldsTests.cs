using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Tests.Validation;

/// <summary><see cref="FreeTextFields"/> reaches every string of a request, however deep, and names it as AIP-193 does.</summary>
public sealed class FreeTextFieldsTests
{
    private readonly FreeTextFields fields = new();

    [Fact]
    public void Every_refused_string_is_named_by_its_path()
    {
        var request = new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request("Title\u202E"),
            RequestId = "key\u0000",
        };
        request.AssistanceRequest.BeneficiaryInstitutions.Add(["Police", "Prosecutors\u200B"]);
        request.AssistanceRequest.FocalPoint = new FocalPoint { DisplayName = "Ama\u0007", Email = "ama@example.org" };

        var violations = fields.Normalise(request);

        Assert.Equivalent(
            new[] { "assistance_request.title", "assistance_request.beneficiary_institutions[1]", "assistance_request.focal_point.display_name", "request_id" },
            violations.Select(violation => violation.Field).ToArray(),
            strict: true);
    }

    [Fact]
    public void Accepted_strings_are_rewritten_composed_in_place()
    {
        var request = new CreateEnrolmentRequest { Enrolment = SampleData.Enrolment("ama@example.org", "Rene\u0301e Mensah") };
        request.Enrolment.Institution = "Unit\r\nOne";

        Assert.Empty(fields.Normalise(request));
        Assert.Equal("Ren\u00E9e Mensah", request.Enrolment.ParticipantName);
        Assert.Equal("Unit\nOne", request.Enrolment.Institution);
    }

    [Fact]
    public void Repeated_strings_of_a_nested_message_are_rewritten()
    {
        var request = new UpdateCourseRequest { Course = SampleData.Course() };
        request.Course.Prerequisites.Add("Pre\u0301alable");

        Assert.Empty(fields.Normalise(request));
        Assert.Equal("Pr\u00E9alable", request.Course.Prerequisites[^1]);
    }

    [Fact]
    public void No_request_carries_a_map_which_would_go_unchecked()
    {
        var maps = new[] { AssistanceServiceReflection.Descriptor, TrainingServiceReflection.Descriptor, FundingServiceReflection.Descriptor }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .SelectMany(method => Reachable(method.InputType))
            .SelectMany(message => message.Fields.InDeclarationOrder())
            .Where(field => field.IsMap)
            .Select(field => field.FullName);

        Assert.Empty(maps);
    }

    private static HashSet<MessageDescriptor> Reachable(MessageDescriptor root)
    {
        var seen = new HashSet<MessageDescriptor>();
        var pending = new Stack<MessageDescriptor>([root]);
        while (pending.TryPop(out var message))
        {
            if (seen.Add(message))
            {
                foreach (var field in message.Fields.InDeclarationOrder().Where(field => field.FieldType == FieldType.Message))
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return seen;
    }
}
