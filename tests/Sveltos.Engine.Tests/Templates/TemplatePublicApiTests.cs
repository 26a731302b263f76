using System.Reflection;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Tests.Templates;

public class TemplatePublicApiTests
{
    private static readonly string[] ForbiddenAssemblies = ["Scriban.Signed", "Scriban", "YamlDotNet", "KubernetesClient", "System.Management.Automation"];

    [Fact]
    public void Public_template_types_use_only_bcl_and_engine_types()
    {
        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = typeof(TemplateRenderer).Assembly.GetExportedTypes().Where(t => t.Namespace == "Sveltos.Engine.Templates").ToList();
        Assert.Equal(["CompiledTemplate", "TemplateData", "TemplateErrorIds", "TemplateException", "TemplateLimits", "TemplateRenderer"], types.Select(t => t.Name).Order());
        var used = new List<Type>();
        foreach (var type in types)
        {
            used.Add(type.BaseType ?? typeof(object));
            used.AddRange(type.GetInterfaces());
            foreach (var member in type.GetMembers(visible))
            {
                switch (member)
                {
                    case MethodBase method:
                        used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                        if (method is MethodInfo info)
                        {
                            used.Add(info.ReturnType);
                        }

                        break;
                    case PropertyInfo property:
                        used.Add(property.PropertyType);
                        break;
                    case FieldInfo field:
                        used.Add(field.FieldType);
                        break;
                }
            }
        }

        Assert.Empty(used.SelectMany(Flatten).Where(t => ForbiddenAssemblies.Contains(t.Assembly.GetName().Name)).Select(t => t.FullName).Distinct());
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        Type[] inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var nested in inner.SelectMany(Flatten))
        {
            yield return nested;
        }
    }
}
