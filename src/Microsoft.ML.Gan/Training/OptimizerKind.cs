namespace Microsoft.ML.Gan.Training;

/// <summary>Optimizer used for both networks (each with its own learning rate and betas).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015), the default of DCGAN, WGAN-GP and CTGAN.</summary>
    Adam,

    /// <summary>RMSprop, the optimizer of the original WGAN with weight clipping (Arjovsky et al. 2017).</summary>
    RmsProp,
}
