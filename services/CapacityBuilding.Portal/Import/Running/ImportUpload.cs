namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// A file a coordinator uploaded, as kept on the portal's disk for its check and its import:
/// whose it is, the token its runs call the services with (theirs), and the language its report
/// and its code-list names are in.
/// </summary>
public sealed record ImportUpload(string Kind, string FileName, string Path, string OwnerSubject, string Authorization, string Culture);
