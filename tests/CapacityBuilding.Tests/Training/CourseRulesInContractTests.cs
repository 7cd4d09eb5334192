using Buf.Validate;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Static field rules live in the protos as buf.validate annotations, so every client reads the
/// same rules the services enforce, and can check a message before sending it.
/// </summary>
public sealed class CourseRulesInContractTests
{
    [Fact]
    public void A_course_title_carries_its_length_limit_in_the_descriptor()
    {
        var rules = Course.Descriptor.FindFieldByName("title").GetOptions().GetExtension(ValidateExtensions.Field);

        Assert.Equal(200UL, rules.String.MaxLen);
    }

    [Fact]
    public void A_client_finds_the_same_violations_before_sending()
    {
        // The suite's shared rules (not blank, UN languages) are defined in field_rules.proto.
        var validator = new ProtoValidate.Validator(new ProtoValidate.ValidatorOptions { FileDescriptors = [FieldRulesReflection.Descriptor] });
        var course = SampleData.Course("Rules a client can check");
        course.DurationHours = 1001;
        course.Languages.Add("de");

        var violations = validator.Validate(new CreateCourseRequest { Course = course }, failFast: false).Violations;

        Assert.Equal(
            ["course.languages.string.un_language", "course.duration_hours.int32.gte_lte"],
            violations.Select(violation => $"{string.Join('.', violation.Field.Elements.Select(element => element.FieldName))}.{violation.RuleId}"));
    }
}
