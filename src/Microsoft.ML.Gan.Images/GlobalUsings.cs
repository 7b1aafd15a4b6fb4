// Namespaces most files of this project use; a file adds its own usings for the rest.
global using Microsoft.ML.Data;
global using Microsoft.ML.Gan;
global using Microsoft.ML.Gan.Images;
global using Microsoft.ML.Gan.Persistence;
global using Microsoft.ML.Gan.Torch;
global using Microsoft.ML.Gan.Training;
global using TorchSharp;
global using TorchSharp.Modules;
global using static TorchSharp.torch;
