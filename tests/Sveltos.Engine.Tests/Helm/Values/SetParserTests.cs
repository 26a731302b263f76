using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Tests.Helm.Values;

/// <summary>Cases from Helm's pkg/strvals parser_test.go (TestParseSet, TestParseInto, TestParseIntoString, TestSetIndex).</summary>
public class SetParserTests
{
    private static string Json(object? value) => GoValues.ToJson(value)!.ToJsonString();

    [Theory]
    [InlineData("name1=null,f=false,t=true", """{"f":false,"name1":null,"t":true}""")]
    [InlineData("name1=value1", """{"name1":"value1"}""")]
    [InlineData("name1=value1,name2=value2", """{"name1":"value1","name2":"value2"}""")]
    [InlineData("name1=value1,name2=value2,", """{"name1":"value1","name2":"value2"}""")]
    [InlineData("name1=,name2=value2", """{"name1":"","name2":"value2"}""")]
    [InlineData("leading_zeros=00009", """{"leading_zeros":"00009"}""")]
    [InlineData("zero_int=0", """{"zero_int":0}""")]
    [InlineData("long_int=1234567890", """{"long_int":1234567890}""")]
    [InlineData("boolean=true", """{"boolean":true}""")]
    [InlineData("is_null=null", """{"is_null":null}""")]
    [InlineData("name1=one\\,two,name2=three\\,four", """{"name1":"one,two","name2":"three,four"}""")]
    [InlineData("name1=one\\=two,name2=three\\=four", """{"name1":"one=two","name2":"three=four"}""")]
    [InlineData("name1=one two three,name2=three two one", """{"name1":"one two three","name2":"three two one"}""")]
    [InlineData("outer.inner=value", """{"outer":{"inner":"value"}}""")]
    [InlineData("outer.middle.inner=value", """{"outer":{"middle":{"inner":"value"}}}""")]
    [InlineData("outer.inner1=value,outer.inner2=value2", """{"outer":{"inner1":"value","inner2":"value2"}}""")]
    [InlineData("outer.inner1=value,outer.middle.inner=value", """{"outer":{"inner1":"value","middle":{"inner":"value"}}}""")]
    [InlineData("name1.name2=", """{"name1":{"name2":""}}""")]
    [InlineData("name1={value1,value2}", """{"name1":["value1","value2"]}""")]
    [InlineData("name1={value1,value2},name2={value1,value2}", """{"name1":["value1","value2"],"name2":["value1","value2"]}""")]
    [InlineData("name1={1021,902}", """{"name1":[1021,902]}""")]
    [InlineData("name1.name2={value1,value2}", """{"name1":{"name2":["value1","value2"]}}""")]
    [InlineData("list[0]=foo", """{"list":["foo"]}""")]
    [InlineData("list[0].foo=bar", """{"list":[{"foo":"bar"}]}""")]
    [InlineData("list[0].foo=bar,list[0].hello=world", """{"list":[{"foo":"bar","hello":"world"}]}""")]
    [InlineData("list[0]=foo,list[1]=bar", """{"list":["foo","bar"]}""")]
    [InlineData("list[0]=foo,list[1]=bar,", """{"list":["foo","bar"]}""")]
    [InlineData("list[0]=foo,list[3]=bar", """{"list":["foo",null,null,"bar"]}""")]
    [InlineData("noval[0]", """{"noval":[]}""")]
    [InlineData("noval[0]=", """{"noval":[""]}""")]
    [InlineData("nested[0][0]=1", """{"nested":[[1]]}""")]
    [InlineData("nested[1][1]=1", """{"nested":[null,[null,1]]}""")]
    [InlineData("name1.name2[0].foo=bar,name1.name2[1].foo=bar", """{"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}}""")]
    [InlineData("name1.name2[1].foo=bar,name1.name2[0].foo=bar", """{"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}}""")]
    [InlineData("name1.name2[1].foo=bar", """{"name1":{"name2":[null,{"foo":"bar"}]}}""")]
    [InlineData("T=TRUE,n=Null,neg=-5,plus=+7,float=1.5,exp=1e3", """{"T":true,"exp":"1e3","float":"1.5","n":null,"neg":-5,"plus":7}""")]
    [InlineData("a\\.b=c", """{"a.b":"c"}""")]
    public void A_set_line_gives_the_values_helm_gives(string line, string expected)
    {
        Assert.Equal(expected, Json(SetParser.Parse(line)));
    }

    [Theory]
    [InlineData("name1=value1,,,,name2=value2,")]
    [InlineData("name1,name2=")]
    [InlineData("name1,name2=value2")]
    [InlineData("name1,name2=value2\\")]
    [InlineData("name1,name2")]
    [InlineData("name1.name2")]
    [InlineData("name1.name2,name1.name3")]
    [InlineData("name1.=name2")]
    [InlineData("name1.,name2")]
    [InlineData("name1={1021,902")]
    [InlineData("list[0].foo=bar,list[-30].hello=world")]
    [InlineData("list[0]=foo,list[-20]=bar")]
    [InlineData("illegal[0]name.foo=bar")]
    [InlineData("]={}].")]
    public void A_line_that_breaks_the_grammar_is_an_error(string line)
    {
        Assert.Throws<FormatException>(() => SetParser.Parse(line));
    }

    [Theory]
    [InlineData("name1.name2", "key \"name2\" has no value")]
    [InlineData("name1,name2=", "key \"name1\" has no value (cannot end with ,)")]
    [InlineData("name1={1021,902", "list must terminate with '}'")]
    [InlineData("list[-1]=x", "negative -1 index not allowed")]
    [InlineData("list[65537]=x", "index of 65537 is greater than maximum supported index of 65536")]
    [InlineData("list[a]=x", "error parsing index: strconv.Atoi: parsing \"a\": invalid syntax")]
    [InlineData("illegal[0]name.foo=bar", "unexpected data at end of array index: ['n' 'a' 'm' 'e']")]
    [InlineData("a=1,a.b=2", "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}")]
    [InlineData("a=x,a[0]=2", "unable to parse key: interface conversion: interface {} is string, not []interface {}")]
    public void Errors_have_helms_wording(string line, string expected)
    {
        Assert.Equal(expected, Assert.Throws<FormatException>(() => SetParser.Parse(line)).Message);
    }

    [Fact]
    public void Names_nested_deeper_than_thirty_levels_are_refused()
    {
        var line = string.Join('.', Enumerable.Range(0, 32).Select(i => $"n{i}")) + "=v";

        Assert.Contains("maximum supported nested level of 30", Assert.Throws<FormatException>(() => SetParser.Parse(line)).Message);
    }

    [Fact]
    public void Parsing_into_values_overrides_only_what_it_names()
    {
        var values = new Dictionary<string, object?> { ["outer"] = new Dictionary<string, object?> { ["inner1"] = "overwrite", ["inner2"] = "value2" } };

        SetParser.ParseInto("outer.inner1=value1,outer.inner3=value3,outer.inner4=4", values);

        Assert.Equal("""{"outer":{"inner1":"value1","inner2":"value2","inner3":"value3","inner4":4}}""", Json(values));
    }

    [Theory]
    [InlineData("listOuter[0][0].type=listValue", "listOuter[0][0].status=alive", """{"listOuter":[[{"status":"alive","type":"listValue"}]]}""")]
    [InlineData("listOuter[0][0].type=listValue", "listOuter[1][0].status=alive", """{"listOuter":[[{"type":"listValue"}],[{"status":"alive"}]]}""")]
    public void Nested_list_items_merge_across_lines(string first, string second, string expected)
    {
        var values = new Dictionary<string, object?>();

        SetParser.ParseInto(first, values);
        SetParser.ParseInto(second, values);

        Assert.Equal(expected, Json(values));
    }

    [Fact]
    public void Nested_lists_keep_existing_items()
    {
        var values = new Dictionary<string, object?>
        {
            ["listOuter"] = new List<object?> { new List<object?> { new List<object?> { new Dictionary<string, object?> { ["exited"] = "old" } } } },
        };

        SetParser.ParseInto("listOuter[0][1][0].type=listValue", values);
        SetParser.ParseInto("listOuter[0][0][1].status=alive", values);

        Assert.Equal("""{"listOuter":[[[{"exited":"old"},{"status":"alive"}],[{"type":"listValue"}]]]}""", Json(values));
    }

    [Fact]
    public void Set_string_keeps_every_value_a_string()
    {
        var values = new Dictionary<string, object?> { ["outer"] = new Dictionary<string, object?> { ["inner1"] = "overwrite", ["inner2"] = "value2" } };

        SetParser.ParseInto("outer.inner1=1,outer.inner3=3", values, stringsOnly: true);

        Assert.Equal("""{"outer":{"inner1":"1","inner2":"value2","inner3":"3"}}""", Json(values));
        Assert.Equal("""{"boolean":"true","is_null":"null","long_int_string":"1234567890","zero":"0"}""",
            Json(SetParser.Parse("long_int_string=1234567890,boolean=true,is_null=null,zero=0", stringsOnly: true)));
    }

    [Fact]
    public void Integers_are_longs()
    {
        Assert.IsType<long>(SetParser.Parse("n=42")["n"]);
    }
}
