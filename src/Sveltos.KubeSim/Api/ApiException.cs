using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Api;

/// <summary>A request failure carrying everything needed to answer with a Kubernetes Status object.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public int? RetryAfterSeconds { get; init; }

    public static string Qualified(string group, string resource) => group.Length == 0 ? resource : resource + "." + group;

    public static ApiException NotFound(string group, string resource, string name) =>
        new(404, "NotFound", $"{Qualified(group, resource)} \"{name}\" not found", Describe(group, resource, name));

    public static ApiException AlreadyExists(string group, string resource, string name) =>
        new(409, "AlreadyExists", $"{Qualified(group, resource)} \"{name}\" already exists", Describe(group, resource, name));

    public static ApiException Conflict(string group, string resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {Qualified(group, resource)} \"{name}\": {why}", Describe(group, resource, name));

    public static ApiException StaleResourceVersion(string group, string resource, string name) =>
        Conflict(group, resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        var detail = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var details = Describe(group, kind, name);
        details["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason, ["message"] = e.Detail, ["field"] = e.Field,
        }).ToArray());
        return new ApiException(422, "Invalid", $"{Qualified(group, kind)} \"{name}\" is invalid: {detail}", details);
    }

    /// <summary>409 for server-side apply conflicts, worded and detailed as the API server does.</summary>
    public static ApiException ApplyConflicts(IReadOnlyList<Apply.ApplyConflict> conflicts)
    {
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].Path}";
        }
        else
        {
            var lines = conflicts.GroupBy(c => c.Owner.Describe()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => "- " + c.Path)));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "FieldManagerConflict", ["message"] = $"conflict with {c.Owner.Describe()}", ["field"] = c.Path,
        }).ToArray());
        return new ApiException(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotSupported(string resource, string verb) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{resource}\"");

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got {contentType})");

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiException Forbidden(string group, string resource, string name, string why) =>
        new(403, "Forbidden", $"{Qualified(group, resource)} \"{name}\" is forbidden: {why}", Describe(group, resource, name));

    public static ApiException NotFoundPath(string path) =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = $"404 page not found: {path}" }) });

    private static JsonObject Describe(string group, string kind, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }
        details["kind"] = kind;
        return details;
    }
}
