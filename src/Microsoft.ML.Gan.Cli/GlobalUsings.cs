// Namespaces most files of this project use; a file adds its own usings for the rest.
global using System.CommandLine;
global using Microsoft.ML.Gan.Tabular.Data;
global using Spectre.Console;
