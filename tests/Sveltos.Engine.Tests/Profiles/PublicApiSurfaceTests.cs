using System.Reflection;
using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Tests.Profiles;

public class PublicApiSurfaceTests
{
    private static readonly string[] ForbiddenAssemblies = ["YamlDotNet", "KubernetesClient", "System.Management.Automation"];

    public static TheoryData<Type> PublicTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(LabelSelector).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace is "Sveltos.Engine.Selection" or "Sveltos.Engine.Profiles"))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void Public_signatures_use_only_bcl_and_engine_types(Type type)
    {
        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type> { type.BaseType ?? typeof(object) };
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

        var offending = used.SelectMany(Flatten).Where(t => ForbiddenAssemblies.Contains(t.Assembly.GetName().Name)).Select(t => t.FullName).Distinct();
        Assert.Empty(offending);
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
