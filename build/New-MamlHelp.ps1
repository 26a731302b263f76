#Requires -Version 7.4
<#
.SYNOPSIS
    Compiles PlatyPS-format markdown into MAML help for a binary module, without PlatyPS.
.DESCRIPTION
    Syntax, parameter attributes and types come from the built cmdlets (Get-Command); synopsis,
    descriptions, examples, inputs, outputs, notes and links come from docs/en-US/<Cmdlet>.md.
    about_*.md topics become about_*.help.txt. Fails when a cmdlet has no doc, a doc has no cmdlet,
    or a parameter is undocumented, so no cmdlet can ship without help.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [Parameter(Mandatory)] [string] $DocsDir,
    [Parameter(Mandatory)] [string] $OutputDir
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters |
    Where-Object { $_ -notin 'WhatIf', 'Confirm' }

function Split-MarkdownSections {
    param([string[]] $Lines, [string] $Marker)

    $sections = [ordered]@{}
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith("$Marker ")) {
            $current = $line.Substring($Marker.Length + 1).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($null -ne $current) { $sections[$current].Add($line) }
    }
    $sections
}

function Get-Paragraphs {
    param([string[]] $Lines)

    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') {
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $buffer.Add($line); continue }
        if ([string]::IsNullOrWhiteSpace($line)) {
            if ($buffer.Count) { $paragraphs.Add(($buffer -join "`n").Trim()); $buffer.Clear() }
            continue
        }
        $buffer.Add($line.TrimEnd())
    }
    if ($buffer.Count) { $paragraphs.Add(($buffer -join "`n").Trim()) }
    , $paragraphs.ToArray()
}

function Split-ProseAndFences {
    # Returns the text outside ``` fences and the contents of each fence, in order.
    param([string[]] $Lines)

    $prose = [System.Collections.Generic.List[string]]::new()
    $fences = [System.Collections.Generic.List[string]]::new()
    $fence = $null
    foreach ($line in $Lines) {
        if ($line -match '^```') {
            if ($null -eq $fence) { $fence = [System.Collections.Generic.List[string]]::new() }
            else { $fences.Add(($fence -join "`n")); $fence = $null }
            continue
        }
        if ($null -ne $fence) { $fence.Add($line) } else { $prose.Add($line) }
    }
    [pscustomobject]@{ Prose = $prose.ToArray(); Fences = $fences.ToArray() }
}

function Read-CommandDoc {
    param([string] $Path)

    $lines = Get-Content -LiteralPath $Path
    $online = $null
    if ($lines[0] -eq '---') {
        $end = [array]::IndexOf($lines, '---', 1)
        $online = ($lines[1..($end - 1)] | Where-Object { $_ -match '^online version:\s*(\S+)' } | ForEach-Object { $Matches[1] }) | Select-Object -First 1
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }
    $title = ($lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1) -replace '^# ', ''
    $sections = Split-MarkdownSections $lines '##'
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $sections.Contains($required)) { throw "$Path has no '## $required' section." }
    }

    $examples = foreach ($entry in (Split-MarkdownSections $sections['EXAMPLES'] '###').GetEnumerator()) {
        $parts = Split-ProseAndFences $entry.Value
        if (-not $parts.Fences) { throw "$Path example '$($entry.Key)' has no code block." }
        [pscustomobject]@{ Title = $entry.Key; Code = $parts.Fences -join "`n`n"; Remarks = Get-Paragraphs $parts.Prose }
    }
    $parameters = @{}
    foreach ($entry in (Split-MarkdownSections $sections['PARAMETERS'] '###').GetEnumerator()) {
        if ($entry.Key -eq 'CommonParameters') { continue }
        $parts = Split-ProseAndFences $entry.Value
        $parameters[$entry.Key.TrimStart('-')] = Get-Paragraphs $parts.Prose
    }
    $typed = {
        param($name)
        if (-not $sections.Contains($name)) { return @() }
        foreach ($t in (Split-MarkdownSections $sections[$name] '###').GetEnumerator()) {
            [pscustomobject]@{ Type = $t.Key; Description = Get-Paragraphs $t.Value }
        }
    }
    $links = if ($sections.Contains('RELATED LINKS')) {
        foreach ($line in $sections['RELATED LINKS']) {
            if ($line -match '^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)') {
                [pscustomobject]@{ Text = $Matches.text; Uri = $Matches.uri }
            }
        }
    }

    # Get-Help -Online opens the first link that has a URI: only the online version may have one. Links between
    # the docs (Watch-Drift.md) stay links by name, as MAML names related commands.
    if ($online -and -not [uri]::IsWellFormedUriString($online, [UriKind]::Absolute)) {
        throw "$Path has 'online version: $online', which is not an absolute URI."
    }
    $links = @(
        if ($online) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $online } }
        foreach ($link in $links) {
            [pscustomobject]@{ Text = $link.Text; Uri = '' }
        }
    )

    [pscustomobject]@{
        Name        = $title.Trim()
        Path        = $Path
        Synopsis    = (Get-Paragraphs $sections['SYNOPSIS']) -join ' '
        Description = Get-Paragraphs $sections['DESCRIPTION']
        Examples    = @($examples)
        Parameters  = $parameters
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = if ($sections.Contains('NOTES')) { Get-Paragraphs $sections['NOTES'] } else { @() }
        Links       = @($links)
    }
}

function Add-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)

    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $ns.maml, $p) }
    $Writer.WriteEndElement()
}

function Get-PipelineInput {
    param($Parameter)

    $kinds = @()
    foreach ($set in $Parameter.ParameterSets.Values) {
        if ($set.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
        if ($set.ValueFromPipeline) { $kinds += 'ByValue' }
    }
    $kinds = @($kinds | Sort-Object -Unique)
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Get-ParameterType {
    # A Nullable<T> parameter (-Timeout) is shown as T, as Get-Command shows it.
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying } else { $Type }
}

function Write-ParameterElement {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $SetInfo, [string[]] $Description)

    $position = if ($SetInfo -and $SetInfo.Position -ge 0) { "$($SetInfo.Position)" } else { 'named' }
    $required = if ($SetInfo) { $SetInfo.IsMandatory } else { $false }
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $isSwitch = $Parameter.ParameterType -eq [switch]
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Parameter))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Add-Paragraphs $Writer $Description
    $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($validateSet) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $validateSet.ValidValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString((Get-ParameterType $Parameter.ParameterType).Name)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, (Get-ParameterType $Parameter.ParameterType).FullName)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $(if ($isSwitch) { 'False' } else { 'None' }))
    $Writer.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Types)

    $Writer.WriteStartElement('command', $ListName, $ns.command)
    foreach ($t in $Types) {
        $Writer.WriteStartElement('command', $ItemName, $ns.command)
        $Writer.WriteStartElement('dev', 'type', $ns.dev)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $t.Type)
        $Writer.WriteEndElement()
        Add-Paragraphs $Writer $t.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $Writer, $Command, $Doc)

    # get_Values(): a cmdlet's parameter named Values (Expand-HelmChart -Values) would win over the property.
    $parameters = $Command.Parameters.get_Values() | Where-Object Name -NotIn $commonParameters
    foreach ($p in $parameters) {
        if (-not $Doc.Parameters.ContainsKey($p.Name) -or -not ($Doc.Parameters[$p.Name] -join '').Trim()) {
            throw "$($Doc.Path): parameter -$($p.Name) of $($Command.Name) has no description under '## PARAMETERS'."
        }
    }
    foreach ($documented in $Doc.Parameters.Keys) {
        if ($documented -notin $parameters.Name) {
            throw "$($Doc.Path): documents -$documented, which $($Command.Name) does not have."
        }
    }

    $Writer.WriteStartElement('command', 'command', $ns.command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $Writer.WriteStartElement('command', 'details', $ns.command)
    $Writer.WriteElementString('command', 'name', $ns.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $Command.Noun)
    Add-Paragraphs $Writer @($Doc.Synopsis)
    $Writer.WriteEndElement()
    Add-Paragraphs $Writer $Doc.Description

    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Command.Name)
        $ordered = $set.Parameters | Where-Object Name -NotIn $commonParameters |
            Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory }
        foreach ($p in $ordered) {
            Write-ParameterElement $Writer $Command.Parameters[$p.Name] $p $Doc.Parameters[$p.Name]
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in $parameters | Sort-Object Name) {
        $firstSet = $p.ParameterSets.Values | Select-Object -First 1
        Write-ParameterElement $Writer $p $firstSet $Doc.Parameters[$p.Name]
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Doc.Inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Doc.Outputs

    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    $Writer.WriteStartElement('maml', 'alert', $ns.maml)
    foreach ($p in $Doc.Notes) { $Writer.WriteElementString('maml', 'para', $ns.maml, $p) }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Doc.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        foreach ($p in $example.Remarks) { $Writer.WriteElementString('maml', 'para', $ns.maml, $p) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Doc.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function ConvertTo-AboutText {
    param([string] $Path)

    $lines = @(Get-Content -LiteralPath $Path)
    $topic = ($lines[0] -replace '^#\s+', '').Trim()
    $sections = Split-MarkdownSections $lines '##'
    if (-not $sections.Contains('SHORT DESCRIPTION')) { throw "$Path has no '## SHORT DESCRIPTION' section." }
    $short = ((Get-Paragraphs $sections['SHORT DESCRIPTION'])[0] -split '\s*\n\s*') -join ' '

    # Get-Help reads an about topic's synopsis from its fifth line: TOPIC, the name, a blank line, SHORT DESCRIPTION, the text.
    $text = @('TOPIC', "    $topic", '', 'SHORT DESCRIPTION', "    $short")
    foreach ($section in $sections.GetEnumerator() | Where-Object Key -NE 'SHORT DESCRIPTION') {
        $text += '', $section.Key.ToUpperInvariant()
        foreach ($line in $section.Value) {
            if ($line -match '^#{3,} (.+)$') { $text += '  ' + $Matches[1] }
            elseif ($line -match '^```') { }
            elseif ($line) { $text += '    ' + $line }
            else { $text += '' }
        }
    }
    ($text -join [Environment]::NewLine) -replace '(\r?\n){3,}', ([Environment]::NewLine * 2)
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

$module = Import-Module (Join-Path $ModuleDir 'Sveltos.psd1') -PassThru -Force
$commands = Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name
$docs = @{}
foreach ($file in Get-ChildItem $DocsDir -Filter '*.md' | Where-Object Name -NotLike 'about_*') {
    $doc = Read-CommandDoc $file.FullName
    $docs[$doc.Name] = $doc
}

$problems = @()
$problems += $commands | Where-Object { -not $docs.ContainsKey($_.Name) } | ForEach-Object { "Cmdlet $($_.Name) has no docs/en-US/$($_.Name).md." }
$problems += $docs.Keys | Where-Object { $_ -notin $commands.Name } | ForEach-Object { "$($docs[$_].Path) documents $_, which the module does not export." }
if ($problems) { throw ($problems -join [Environment]::NewLine) }

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create((Join-Path $OutputDir 'Sveltos.dll-Help.xml'), $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        Write-CommandHelp $writer $command $docs[$command.Name]
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

foreach ($about in Get-ChildItem $DocsDir -Filter 'about_*.md') {
    ConvertTo-AboutText $about.FullName | Set-Content -LiteralPath (Join-Path $OutputDir ($about.BaseName + '.help.txt'))
}
