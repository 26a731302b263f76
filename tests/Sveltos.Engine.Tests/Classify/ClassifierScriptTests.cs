using System.Text.Json.Nodes;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Scripting;
using Xunit;

namespace Sveltos.Engine.Tests.Classify;

public sealed class ClassifierScriptTests
{
    private const string ThreeReplicas = """
        function evaluate()
          local hs = {}
          hs.matching = false
          if obj.spec.replicas == 3 then
            hs.matching = true
          end
          return hs
        end
        """;

    private const string AtLeastTwoServices = """
        function evaluate()
          local hs = {}
          hs.matching = #resources >= 2
          hs.message = #resources .. " services"
          return hs
        end
        """;

    private static JsonObject Deployment(string name, int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "web" },
        ["spec"] = new JsonObject { ["replicas"] = replicas },
    };

    [Fact]
    public void Evaluate_keeps_the_objects_it_calls_matching()
    {
        var kept = ClassifierScripts.Filter("replicas", 0, ThreeReplicas, [Deployment("a", 1), Deployment("b", 3), Deployment("c", 3)]);
        Assert.Equal(["b", "c"], kept.Select(o => (string)o["metadata"]!["name"]!));
    }

    [Fact]
    public void The_aggregated_script_sees_every_resource_and_may_explain_itself()
    {
        Assert.Equal((true, "2 services"), ClassifierScripts.Aggregate("svc", AtLeastTwoServices, [Deployment("a", 1), Deployment("b", 1)]));
        Assert.Equal((false, "0 services"), ClassifierScripts.Aggregate("svc", AtLeastTwoServices, []));
    }

    [Fact]
    public void Nil_matching_counts_as_not_matching()
    {
        Assert.Empty(ClassifierScripts.Filter("c", 0, "function evaluate() return {} end", [Deployment("a", 1)]));
    }

    [Fact]
    public void Globals_do_not_leak_from_one_object_to_the_next()
    {
        const string FirstOnly = "function evaluate() seen = (seen or 0) + 1 return { matching = seen == 1 } end";
        Assert.Equal(2, ClassifierScripts.Filter("c", 0, FirstOnly, [Deployment("a", 1), Deployment("b", 1)]).Count);
    }

    [Theory]
    [InlineData("hs = {}", ": the script defines no function evaluate()")]
    [InlineData("function evaluate() return true end", "evaluate() returned boolean, not a table such as { matching = true }")]
    [InlineData("function evaluate() return { matching = 'yes' } end", "evaluate() returned matching = yes, which is not a boolean")]
    [InlineData("function evaluate()\n  return { matching = obj.status.ready }\nend", "resourceSelectors[0].evaluate:2: attempt to index a nil value (field 'status')")]
    [InlineData("function evaluate() while true do end end", "resourceSelectors[0].evaluate ran longer than 0.2 s and was stopped")]
    public void A_failing_script_names_the_classifier_field_and_object(string script, string problem)
    {
        var ex = Assert.Throws<SveltosException>(() => ClassifierScripts.Filter("replicas", 0, script, [Deployment("a", 1)], new LuaLimits(TimeSpan.FromMilliseconds(200), 16L << 20)));
        Assert.Equal(ClassifierErrorIds.LuaScriptFailed, ex.ErrorId);
        Assert.StartsWith("Classifier/replicas spec.deployedResourceConstraint.resourceSelectors[0].evaluate failed on Deployment web/a: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Equal("replicas", ex.Target);
    }

    [Fact]
    public void Check_reports_compile_errors_against_the_field()
    {
        Assert.Null(ClassifierScripts.Check(ThreeReplicas, ClassifierScripts.SelectorField(1)));
        Assert.Equal(
            "aggregatedClassification:3: 'end' expected (to close 'function' at line 1) near <eof>",
            ClassifierScripts.Check("function evaluate()\n  return {}\n", ClassifierScripts.AggregatedField));
    }

    [Fact]
    public void A_classifier_with_broken_Lua_does_not_import()
    {
        const string Yaml = """
            apiVersion: lib.projectsveltos.io/v1beta1
            kind: Classifier
            metadata:
              name: broken
            spec:
              classifierLabels:
              - key: a
                value: b
              deployedResourceConstraint:
                resourceSelectors:
                - group: apps
                  version: v1
                  kind: Deployment
                  evaluate: |
                    function evaluate()
                      return { matching = obj.spec.replicas > }
                    end
            """;
        var problem = Assert.Single(Assert.Single(ClassifierImporter.ImportText(Yaml, "broken.yaml")).Problems);
        Assert.Equal(ClassifierErrorIds.InvalidLuaScript, problem.ErrorId);
        Assert.Equal(
            "broken.yaml[0] spec.deployedResourceConstraint.resourceSelectors[0].evaluate: resourceSelectors[0].evaluate:2: unexpected symbol near '}'",
            problem.Message);
    }
}
