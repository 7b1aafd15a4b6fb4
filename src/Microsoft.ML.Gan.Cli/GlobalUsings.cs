// Namespaces most files of this project use; a file adds its own usings for the rest.
global using System.CommandLine;
global using Microsoft.ML.Gan.Tabular.Ctgan;
global using Microsoft.ML.Gan.Tabular.Data;
global using Microsoft.ML.Gan.Tabular.Evaluation;
global using Microsoft.ML.Gan.Tabular.Export;
global using Spectre.Console;
