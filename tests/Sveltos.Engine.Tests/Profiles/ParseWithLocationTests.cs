using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Profiles;

public class ParseWithLocationTests
{
    private const string Valid = "apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata:\n  name: web\nspec:\n  clusterSelector:\n    matchLabels: {env: prod}\n";

    [Fact]
    public void A_profile_kept_as_text_keeps_naming_its_original_file_and_document()
    {
        var profile = ClusterProfileDocument.Parse(Valid, "fleet/prod.yaml", 2, 14);

        Assert.Equal("fleet/prod.yaml", profile.Source);
        Assert.Equal(2, profile.DocumentIndex);
        Assert.Equal(14, profile.Line);
        var duplicate = ProfileImporter.FindDuplicateNames([ClusterProfileDocument.Parse(Valid, "a.yaml", 0, 1), profile]);
        Assert.Equal("fleet/prod.yaml[2] metadata.name: ClusterProfile 'web' is already defined in a.yaml[0]", Assert.Single(duplicate).Message);
    }

    [Fact]
    public void Problems_name_the_original_document_without_lines_counted_in_the_copy()
    {
        var e = Assert.Throws<ProfileValidationException>(() => ClusterProfileDocument.Parse(Valid + "  syncMode: Continous\n", "fleet/prod.yaml", 2, 14));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("fleet/prod.yaml[2] spec.syncMode: 'Continous' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun", problem.Message);
        Assert.Null(problem.Line);
    }
}
