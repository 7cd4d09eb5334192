using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Tests.Validation;

/// <summary>
/// Control and format characters are refused in every text of every service, through the gateway,
/// naming the field and storing nothing; other text is stored in NFC, whatever its script.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FreeTextRpcTests(SuiteFixture suite)
{
    private const string Clean = "Clean text";

    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Gateway);
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    private static readonly string[] Rpcs = ["CreateAssistanceRequest", "UpdateAssistanceRequest", "CreateCourse", "UpdateCourse", "CreateDonor"];

    /// <summary>NUL, BEL, ESC, DEL, NEL; zero-width space and non-joiner, LRM, RLO, LRI, byte-order mark.</summary>
    private static readonly int[] RefusedCodePoints = [0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0x200B, 0x200C, 0x200E, 0x202E, 0x2066, 0xFEFF];

    public static TheoryData<string, int> RefusedCharacterInEachRpc()
    {
        var data = new TheoryData<string, int>();
        foreach (var rpc in Rpcs)
        {
            foreach (var codePoint in RefusedCodePoints)
            {
                data.Add(rpc, codePoint);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> AcceptedTextInEachRpc()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var rpc in Rpcs)
        {
            data.Add(rpc, "Line one\nline two\tand a tab", "Line one\nline two\tand a tab");
            data.Add(rpc, "Cafe\u0301 nume\u0301rique", "Caf\u00E9 num\u00E9rique");
            data.Add(rpc, "Line one\r\nline two", "Line one\nline two");
            data.Add(rpc, "التدريب على الأدلة الإلكترونية", "التدريب على الأدلة الإلكترونية");
            data.Add(rpc, "电子证据培训", "电子证据培训");
            data.Add(rpc, "Обучение по электронным доказательствам", "Обучение по электронным доказательствам");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedCharacterInEachRpc))]
    public async Task A_control_or_format_character_is_invalid_argument_naming_the_field_and_nothing_is_written(string rpc, int codePoint)
    {
        var target = await TargetAsync(rpc);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => target.WriteAsync($"Cyber{char.ConvertFromUtf32(codePoint)}crime"));

        Assert.Equal([target.Field], failure.ViolatedFields());
        Assert.Equal(target.Unchanged, await target.StoredAsync());
    }

    [Theory]
    [MemberData(nameof(AcceptedTextInEachRpc))]
    public async Task Other_text_is_stored_composed(string rpc, string sent, string stored)
    {
        var target = await TargetAsync(rpc);

        Assert.Equal(stored, await target.WriteAsync(sent));
    }

    private async Task<TextRpc> TargetAsync(string rpc) => rpc switch
    {
        "CreateAssistanceRequest" => CreateAssistanceRequest(),
        "UpdateAssistanceRequest" => await UpdateAssistanceRequestAsync(),
        "CreateCourse" => CreateCourse(),
        "UpdateCourse" => await UpdateCourseAsync(),
        "CreateDonor" => CreateDonor(),
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, "no such case"),
    };

    // A create refused must leave its request_id free: retried with clean text, it creates anew
    // rather than answering a resource stored with the refused text.
    private TextRpc CreateAssistanceRequest()
    {
        var requestId = Guid.NewGuid().ToString();
        async Task<string> Write(string title)
        {
            var created = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
            {
                AssistanceRequest = SampleData.Request(title), RequestId = requestId,
            })).AssistanceRequest;
            return (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = created.Name })).AssistanceRequest.Title;
        }

        return new TextRpc("assistance_request.title", Write, () => Write(Clean), Clean);
    }

    private async Task<TextRpc> UpdateAssistanceRequestAsync()
    {
        var draft = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request() })).AssistanceRequest;
        async Task<string> Stored() =>
            (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = draft.Name })).AssistanceRequest.Description;
        async Task<string> Write(string description)
        {
            await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
            {
                AssistanceRequest = new AssistanceRequest { Name = draft.Name, Description = description },
                UpdateMask = new FieldMask { Paths = { "description" } },
            });
            return await Stored();
        }

        return new TextRpc("assistance_request.description", Write, Stored, draft.Description);
    }

    private TextRpc CreateCourse()
    {
        var requestId = Guid.NewGuid().ToString();
        async Task<string> Write(string summary)
        {
            var course = SampleData.Course(SampleData.UniqueTitle("Free text"));
            course.Summary = summary;
            var created = (await training.CreateCourseAsync(new CreateCourseRequest { Course = course, RequestId = requestId })).Course;
            return (await training.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course.Summary;
        }

        return new TextRpc("course.summary", Write, () => Write(Clean), Clean);
    }

    // A repeated field: the violation names the item.
    private async Task<TextRpc> UpdateCourseAsync()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("Free text")) })).Course;
        async Task<string> Stored() =>
            string.Join(" | ", (await training.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Course.Prerequisites);
        async Task<string> Write(string prerequisite)
        {
            await training.UpdateCourseAsync(new UpdateCourseRequest
            {
                Course = new Course { Name = course.Name, Prerequisites = { "Basic criminal law", prerequisite } },
                UpdateMask = new FieldMask { Paths = { "prerequisites" } },
            });
            return (await training.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Course.Prerequisites[1];
        }

        return new TextRpc("course.prerequisites[1]", Write, Stored, string.Join(" | ", course.Prerequisites));
    }

    private TextRpc CreateDonor()
    {
        var requestId = Guid.NewGuid().ToString();
        async Task<string> Write(string displayName)
        {
            var created = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(displayName), RequestId = requestId })).Donor;
            return (await funding.GetDonorAsync(new GetDonorRequest { Name = created.Name })).Donor.DisplayName;
        }

        return new TextRpc("donor.display_name", Write, () => Write(Clean), Clean);
    }
}
