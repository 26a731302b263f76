namespace Sveltos.Infrastructure;

/// <summary>One CI annotation: its text and, when known, the file (a real path) and line it points at.</summary>
internal sealed record CiAnnotation(string Message, string? File = null, int? Line = null, int? Column = null);
