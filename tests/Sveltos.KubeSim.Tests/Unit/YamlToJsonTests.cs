using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Tests.Unit;

public sealed class YamlToJsonTests
{
    [Fact]
    public void Plain_scalars_are_typed_and_quoted_ones_stay_strings() =>
        Assert.Equal(
            """{"i":42,"f":1.5,"b":true,"n":null,"s":"text","q":"42","t":"true","l":[1,"x"],"m":{"k":"v"}}""",
            YamlToJson.ConvertSingleDocument("i: 42\nf: 1.5\nb: true\nn: ~\ns: text\nq: \"42\"\nt: 'true'\nl: [1, x]\nm: {k: v}\n")!.ToJsonString());
}
