namespace Sveltos.Engine.Templates;

/// <summary>The template languages the module renders. Go is the language of every template unless content asks for Scriban.</summary>
internal enum TemplateLanguage
{
    /// <summary>Go text/template with the Sprig and Sveltos functions, as the Sveltos controllers render.</summary>
    Go,

    /// <summary>Scriban, only for content annotated <c>pwsh.projectsveltos.io/template-language: scriban</c>.</summary>
    Scriban,
}
