using System.Text.RegularExpressions;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// Every action a workflow runs is pinned to one commit: a tag (v4) can be moved to other code by
/// whoever controls the action's repository, a commit cannot. The release it is stays readable in a
/// comment, for a person updating it (docs/deploying.md says how).
/// </summary>
public sealed partial class ActionPinningTests
{
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@(?<sha>[0-9a-f]{40})$")]
    private static partial Regex PinnedByCommit();

    [GeneratedRegex(@"\s#\s*(?<release>v[0-9]+(\.[0-9]+){0,2})\s*$")]
    private static partial Regex ReleaseComment();

    [Fact]
    public void Every_action_of_every_workflow_is_pinned_by_a_full_commit_sha_with_its_release_in_a_comment()
    {
        var workflows = WorkflowFile.All();
        Assert.Contains(workflows, w => w.Name == "nightly.yml");
        Assert.Contains(workflows, w => w.Name == "test.yml");

        foreach (var workflow in workflows)
        {
            var uses = workflow.Uses().ToList();
            Assert.NotEmpty(uses);
            foreach (var (action, line) in uses)
            {
                Assert.True(PinnedByCommit().IsMatch(action), $"{workflow.Name}: '{action}' is not pinned by a full commit SHA");
                Assert.True(ReleaseComment().IsMatch(line), $"{workflow.Name}: '{line.Trim()}' does not name its release in a comment (# v1.2.3)");
            }
        }
    }

    [Fact]
    public void An_action_used_in_several_places_is_one_release_at_one_commit_everywhere()
    {
        var pins = WorkflowFile.All().SelectMany(w => w.Uses())
            .Select(u => (Action: u.Uses.Split('@')[0], Sha: u.Uses.Split('@')[^1], Release: ReleaseComment().Match(u.Line).Groups["release"].Value))
            .ToList();

        Assert.All(pins.GroupBy(p => p.Action), action => Assert.Single(action.Select(p => (p.Sha, p.Release)).Distinct()));
        // A commit is one release: the same SHA never carries two names.
        Assert.All(pins.GroupBy(p => p.Sha), sha => Assert.Single(sha.Select(p => p.Release).Distinct()));
    }
}
