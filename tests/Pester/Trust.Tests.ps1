# Issue 14, "Trust first": one Describe per reported fault, each written to fail on the code that had it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:WebContent = Get-WebAddOn
}

# --- 1. A sync from a fleet that cannot see a profile never withdraws it ---

# --- 2. Content the module does not deploy is an error, never "deployed" ---

# --- 3. CI: a broken profile fails the job ---

# --- 4. Sveltos Go templates run unchanged ---

# --- 5. A sync converges live state ---

# --- 6. Drift that is reported is repaired ---

# --- 7. The first hour: names, completion, registration, help, views ---

# --- 8. Secret values never leave the module ---

# --- 9. An interrupted sync leaves records that tell the truth ---

# --- 10. Unknown fields are refused on every read ---

# --- 11. Retries are visible ---
