using Scriban.Parsing;
using Scriban.Syntax;

namespace Sveltos.Engine.Templates;

/// <summary>
/// An error raised by our own hooks and functions during rendering. Deriving from Scriban's runtime exception keeps
/// the position; <see cref="ErrorId"/> says what kind of problem it is without reading the message.
/// </summary>
internal sealed class TemplateFault(string errorId, SourceSpan span, string message) : ScriptRuntimeException(span, message)
{
    public string ErrorId { get; } = errorId;
}
