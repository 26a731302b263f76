using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;
using Xunit;

namespace Sveltos.Engine.Tests.Classify;

public sealed class ClassifierValidationTests
{
    private const string Valid = """
        apiVersion: lib.projectsveltos.io/v1beta1
        kind: Classifier
        metadata:
          name: k8s-128
        spec:
          classifierLabels:
          - key: k8s
            value: v1.28
          kubernetesVersionConstraints:
          - comparison: GreaterThanOrEqualTo
            version: 1.28.0
          - comparison: LessThan
            version: 1.29.0
          deployedResourceConstraint:
            resourceSelectors:
            - group: apiextensions.k8s.io
              version: v1
              kind: CustomResourceDefinition
              name: certificates.cert-manager.io
              labelFilters:
              - key: app
                operation: Has
        """;

    [Fact]
    public void Reads_a_valid_classifier_and_writes_it_back_unchanged()
    {
        var classifier = ClassifierDocument.Parse(Valid, "k8s.yaml");
        Assert.Equal("k8s-128", classifier.Name);
        Assert.Equal([new("k8s", "v1.28")], classifier.ClassifierLabels);
        Assert.Equal([">= v1.28.0", "< v1.29.0"], classifier.VersionConstraints.Select(c => c.ToString()));
        Assert.Equal("CustomResourceDefinition.apiextensions.k8s.io/v1 certificates.cert-manager.io [app]", classifier.ResourceSelectors.Single().ToString());
        Assert.Equal(classifier.ToYaml(), ClassifierDocument.Parse(classifier.ToYaml()).ToYaml());
    }

    [Theory]
    [InlineData("version: 1.28.0", "version: one.two", ClassifierErrorIds.InvalidKubernetesVersion, "k8s.yaml[0] spec.kubernetesVersionConstraints[0].version: 'one.two' is not a Kubernetes version")]
    [InlineData("comparison: LessThan", "comparison: Below", ClassifierErrorIds.UnknownVersionComparison, "k8s.yaml[0] spec.kubernetesVersionConstraints[1].comparison: 'Below' is not one of Equal, NotEqual, GreaterThan, LessThan, GreaterThanOrEqualTo, LessThanOrEqualTo")]
    [InlineData("operation: Has", "operation: Exists", ClassifierErrorIds.InvalidClassifierField, "spec.deployedResourceConstraint.resourceSelectors[0].labelFilters[0].operation: 'Exists' is not one of Equal, Different, Has, DoesNotHave")]
    [InlineData("    value: v1.28", "    value: [a]", ClassifierErrorIds.InvalidClassifierField, "spec.classifierLabels[0].value: expected a string")]
    [InlineData("  - key: k8s", "  - key: -bad-", ClassifierErrorIds.InvalidClassifierField, "spec.classifierLabels[0].key:")]
    [InlineData("      kind: CustomResourceDefinition\n", "", ClassifierErrorIds.MissingClassifierField, "spec.deployedResourceConstraint.resourceSelectors[0].kind: required field is missing")]
    [InlineData("apiVersion: lib.projectsveltos.io/v1beta1", "apiVersion: lib.projectsveltos.io/v1alpha1", ProfileErrorIds.UnsupportedApiVersion, "apiVersion: 'lib.projectsveltos.io/v1alpha1' is not supported")]
    public void Reports_each_problem_with_its_location_and_ErrorId(string replace, string with, string errorId, string message)
    {
        var results = ClassifierImporter.ImportText(Valid.Replace(replace, with, StringComparison.Ordinal), "k8s.yaml");
        var problem = Assert.Single(Assert.Single(results).Problems);
        Assert.Equal(errorId, problem.ErrorId);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Builds_constraints_from_shorthand_and_reports_unknown_fields()
    {
        var built = ClassifierBuilder.Build(new ClassifierBuildRequest
        {
            Name = "range",
            ClassifierLabels = [new("k8s", "supported")],
            KubernetesVersionConstraints = [">=1.28.0", "<1.30.0", "!=1.29.1", "1.29.4"],
        });
        Assert.Equal([">= v1.28.0", "< v1.30.0", "!= v1.29.1", "== v1.29.4"], built.VersionConstraints.Select(c => c.ToString()));

        var error = Assert.Throws<ProfileValidationException>(() => ClassifierBuilder.Build(new ClassifierBuildRequest
        {
            Name = "range",
            ClassifierLabels = [new("k8s", "supported")],
            ResourceSelectors = [new Dictionary<string, object?> { ["Kind"] = "Namespace", ["version"] = "v1", ["colour"] = "red" }],
        }));
        Assert.Equal(ClassifierErrorIds.UnknownClassifierField, error.ErrorId);
        Assert.StartsWith("Classifier/range spec.deployedResourceConstraint.resourceSelectors[0].colour: unknown field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_named_classifiers_are_both_left_out_and_reported()
    {
        var results = ClassifierImporter.ImportText(Valid + "\n---\n" + Valid, "k8s.yaml");
        var fleet = FleetClassifiers.From(results);
        Assert.Empty(fleet.Classifiers);
        Assert.Contains("k8s-128", fleet.InvalidNames);
        Assert.Equal(ClassifierErrorIds.DuplicateClassifierName, Assert.Single(fleet.Problems).ErrorId);
    }
}
