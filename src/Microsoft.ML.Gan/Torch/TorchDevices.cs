namespace Microsoft.ML.Gan.Torch;

/// <summary>Turns the user's device option ("cpu", "cuda", "cuda:N" or "auto") into a TorchSharp device.</summary>
public static class TorchDevices
{
    /// <summary>The device option's default: CPU, which every build supports.</summary>
    public const string Default = "cpu";

    /// <summary>
    /// Resolves a device name. "auto" picks CUDA when a CUDA backend and a GPU are present, else CPU.
    /// </summary>
    /// <param name="name">"cpu", "cuda", "cuda:N" or "auto" (case-insensitive).</param>
    /// <param name="optionName">The option's name, used in error messages.</param>
    /// <exception cref="ArgumentException">The name is not a known device, or CUDA is asked for but absent.</exception>
    public static torch.Device Resolve(string? name, string optionName = "Device")
    {
        string text = (name ?? Default).Trim().ToLowerInvariant();
        if (text == "cpu")
            return torch.CPU;
        if (text == "auto")
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException(
                    $"{optionName} is '{name}' but CUDA is not available: this build uses the CPU backend or no GPU is visible. " +
                    "Build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU, or use 'cpu' / 'auto'.", optionName);
            }
            if (text == "cuda")
                return torch.CUDA;
            if (!int.TryParse(text.AsSpan(5), out int index) || index < 0 || index >= torch.cuda.device_count())
            {
                throw new ArgumentException(
                    $"{optionName} is '{name}' but only {torch.cuda.device_count()} CUDA device(s) are visible.", optionName);
            }
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException(
            $"{optionName} is '{name}', which is not a device: expected 'cpu', 'cuda', 'cuda:N' or 'auto'.", optionName);
    }
}
