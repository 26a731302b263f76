using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>Orders profiles so that each comes after the profiles it dependsOn; cycles are reported, not looped.</summary>
public static class DependencyOrder
{
    public static (IReadOnlyList<ClusterProfileDocument> Ordered, IReadOnlyList<(ClusterProfileDocument Profile, string Problem)> Rejected) Sort(IReadOnlyList<ClusterProfileDocument> profiles)
    {
        var byName = profiles.Where(p => p.Kind == ProfileKind.ClusterProfile).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());
        var ordered = new List<ClusterProfileDocument>();
        var rejected = new List<(ClusterProfileDocument, string)>();
        var state = new Dictionary<ClusterProfileDocument, int>();

        bool Visit(ClusterProfileDocument profile, Stack<string> path)
        {
            if (state.TryGetValue(profile, out var s))
            {
                return s == 2;
            }

            state[profile] = 1;
            path.Push(profile.Name);
            foreach (var dependency in profile.Spec.DependsOn)
            {
                if (!byName.TryGetValue(dependency, out var target))
                {
                    continue;
                }

                if (state.TryGetValue(target, out var ts) && ts == 1)
                {
                    rejected.Add((profile, $"dependsOn forms a cycle: {string.Join(" -> ", path.Reverse().Append(dependency))}"));
                    path.Pop();
                    state[profile] = 3;
                    return false;
                }

                if (!Visit(target, path))
                {
                    rejected.Add((profile, $"depends on '{dependency}', which is part of a dependsOn cycle"));
                    path.Pop();
                    state[profile] = 3;
                    return false;
                }
            }

            path.Pop();
            state[profile] = 2;
            ordered.Add(profile);
            return true;
        }

        foreach (var profile in profiles)
        {
            Visit(profile, new Stack<string>());
        }

        return (ordered, rejected);
    }
}
