// Namespaces most files of this project use; a file adds its own usings for the rest.
global using Microsoft.ML.Data;
global using TorchSharp;
global using TorchSharp.Modules;
global using static TorchSharp.torch;
