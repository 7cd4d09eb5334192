using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// A reproducible (seeded) catalogue of courses that spreads like a real one: one to three
/// themes, languages and audiences each, every level and mode, four in five published, and
/// titles and summaries drawn from the programme's vocabulary so that words repeat across courses.
/// </summary>
internal sealed class SyntheticCatalogue(int seed)
{
    public static readonly string[] Vocabulary =
    [
        "electronic", "evidence", "chain", "custody", "forensics", "mobile", "device", "acquisition", "cryptocurrency",
        "tracing", "blockchain", "ransomware", "response", "incident", "child", "protection", "grooming", "exploitation",
        "network", "contact", "preservation", "production", "orders", "legislation", "drafting", "convention", "mutual",
        "legal", "assistance", "extradition", "joint", "investigation", "teams", "cooperation", "prevention", "awareness",
        "fraud", "forgery", "phishing", "laundering", "proceeds", "confiscation", "virtual", "assets", "judges", "prosecutors",
        "investigators", "analysts", "csirt", "open", "source", "intelligence", "osint", "cloud", "providers", "subscriber",
        "traffic", "data", "interception", "safeguards", "human", "rights", "admissibility", "trial", "court", "seizure",
        "search", "imaging", "hashing", "logs", "malware", "attribution", "victims", "witnesses", "sextortion", "platforms",
        "evidencia", "electronica", "cadena", "custodia", "investigacion", "fiscales", "preuve", "entraide", "judiciaire",
        "enquete", "cybercriminalite", "practical", "exercise", "simulation", "casework", "workshop", "national", "regional",
    ];

    private readonly Random random = new(seed);

    public Course Next(int index)
    {
        var course = new Course
        {
            Title = $"{Words(4)} {index}",
            Summary = Words(40),
            Level = Pick(Enum.GetValues<CourseLevel>()[1..]),
            DeliveryMode = Pick(Enum.GetValues<DeliveryMode>()[1..]),
            DurationHours = random.Next(7, 41),
            MaxClassSize = random.Next(10, 41),
            Status = random.Next(5) == 0 ? CourseStatus.Draft : CourseStatus.Published,
        };
        course.ThematicAreas.Add(Some(Enum.GetValues<ThematicArea>()[1..], 3));
        course.Languages.Add(Some(["ar", "en", "es", "fr", "ru", "zh"], 3));
        course.TargetAudiences.Add(Some(Enum.GetValues<TargetAudience>()[1..], 3));
        return course;
    }

    public T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public string Word() => Pick(Vocabulary);

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    private T[] Some<T>(T[] values, int max) => [.. values.OrderBy(_ => random.Next()).Take(random.Next(1, max + 1))];
}
