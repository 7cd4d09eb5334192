using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// Our thematic areas as the reporting organisation's sector vocabulary (IATI SectorVocabulary 99):
/// IATI rule 2.2.1 requires a narrative on every code of vocabularies 98 and 99, so each area has
/// its English name here (the same as the portal's English code-list names).
/// </summary>
public static class ThematicVocabulary
{
    public static string NameOf(ThematicArea area) => area switch
    {
        ThematicArea.OffencesAgainstSystems => "Offences against computer systems and data",
        ThematicArea.IctFraudAndForgery => "ICT-related fraud and forgery",
        ThematicArea.OnlineChildProtection => "Protection of children online",
        ThematicArea.ProceedsOfCrime => "Proceeds of crime",
        ThematicArea.ProceduralMeasures => "Procedural measures",
        ThematicArea.ElectronicEvidence => "Electronic evidence",
        ThematicArea.MutualLegalAssistance => "Mutual legal assistance",
        ThematicArea.Network247 => "24/7 network of contact points",
        ThematicArea.InternationalCooperation => "International cooperation",
        ThematicArea.Prevention => "Prevention",
        ThematicArea.Legislation => "Legislation",
        _ => IatiCodes.SectorCode(area),
    };
}
