using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// Hugging Face answers made for a test, in the shapes of the captured fixtures: items of
/// <c>/api/daily_papers</c>, and the papers page that embeds them HTML-escaped in <c>data-props</c>.
/// </summary>
internal static class HfAnswers
{
    public static JsonObject Item(string id, string title, string day = "2026-05-08", string summary = "An abstract about a finding.",
        string? projectPage = null, string? githubRepo = null, params string[] authors)
    {
        var paper = new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["summary"] = summary,
            ["authors"] = new JsonArray([.. authors.Select(a => (JsonNode)new JsonObject { ["name"] = a })]),
            ["publishedAt"] = day + "T08:00:00.000Z",
            ["submittedOnDailyAt"] = day + "T10:01:31.399Z",
            ["upvotes"] = 12,
        };
        if (projectPage is not null) paper["projectPage"] = projectPage;
        if (githubRepo is not null) paper["githubRepo"] = githubRepo;
        return new JsonObject { ["paper"] = paper, ["title"] = title, ["publishedAt"] = day + "T08:00:00.000Z", ["numComments"] = 1 };
    }

    /// <summary>An <c>/api/daily_papers</c> answer: an array of items, indented, so the first item starts on line 2.</summary>
    public static string Daily(params JsonObject[] items) => new JsonArray([.. items]).ToJsonString(Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A day's papers page: the list as the page embeds it, HTML-escaped in an attribute, and no cards.</summary>
    public static string Page(string dailyJson, string day = "2026-05-08") =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Daily Papers - Hugging Face</title></head>\n<body><main>\n"
        + $"<div data-target=\"DailyPapers\" data-props=\"{WebUtility.HtmlEncode($"{{\"dailyPapers\":{dailyJson},\"date\":\"{day}\"}}")}\"></div>\n"
        + "</main></body></html>\n";
}
