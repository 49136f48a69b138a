"""mpl_toolkits: matplotlib's add-on toolkits; Gradlab has mplot3d."""
