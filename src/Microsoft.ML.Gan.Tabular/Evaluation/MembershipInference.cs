namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// A distance-to-closest-record membership-inference attack (the black-box attack of Hilprecht et al. 2019 and Chen
/// et al. 2020, "GAN-Leaks"): the attacker holds the synthetic rows and a real row, and guesses "the row was in the
/// training data" when it lies close to some synthetic row. Run on as many training rows (members) as holdout rows
/// (non-members), it measures how well distance separates them.
/// </summary>
internal static class MembershipInference
{
    public static MembershipInferenceResult Attack(AlignedTable training, AlignedTable holdout, AlignedTable synthetic, int cap, Random random)
    {
        int rows = Math.Min(cap, Math.Min(training.RowCount, holdout.RowCount));
        var distance = new RecordDistance(synthetic);
        double[] members = distance.Closest(PrivacyMetrics.Sample(training, rows, random));
        double[] nonMembers = distance.Closest(PrivacyMetrics.Sample(holdout, rows, random));
        var (auc, advantage) = Separation(members, nonMembers);
        return new MembershipInferenceResult
        {
            MemberRows = members.Length,
            NonMemberRows = nonMembers.Length,
            SyntheticRows = synthetic.RowCount,
            AreaUnderRocCurve = auc,
            Advantage = advantage,
        };
    }

    /// <summary>
    /// How well "smaller distance means member" separates the two sets: the ROC AUC (Mann–Whitney, ties counted half)
    /// and the membership advantage max over thresholds t of P(member ≤ t) − P(non-member ≤ t) (Yeom et al. 2018).
    /// </summary>
    internal static (double Auc, double Advantage) Separation(double[] members, double[] nonMembers)
    {
        if (members.Length == 0 || nonMembers.Length == 0) return (double.NaN, double.NaN);
        var all = members.Select(d => (Distance: d, Member: true)).Concat(nonMembers.Select(d => (Distance: d, Member: false)))
            .OrderBy(p => p.Distance).ToArray();
        double wins = 0, advantage = 0;
        int membersBelow = 0, nonMembersBelow = 0;
        for (int start = 0; start < all.Length;)
        {
            int end = start;
            int tiedMembers = 0, tiedNonMembers = 0;
            for (; end < all.Length && all[end].Distance == all[start].Distance; end++)
            {
                if (all[end].Member) tiedMembers++;
                else tiedNonMembers++;
            }
            // Each member beats the non-members farther away, and ties with those at the same distance.
            wins += tiedMembers * (nonMembers.Length - nonMembersBelow - tiedNonMembers + 0.5 * tiedNonMembers);
            membersBelow += tiedMembers;
            nonMembersBelow += tiedNonMembers;
            advantage = Math.Max(advantage, (double)membersBelow / members.Length - (double)nonMembersBelow / nonMembers.Length);
            start = end;
        }
        return (wins / ((double)members.Length * nonMembers.Length), advantage);
    }
}
