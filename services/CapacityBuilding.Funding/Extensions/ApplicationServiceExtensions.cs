using CapacityBuilding.Funding.Donors;
using CapacityBuilding.Funding.Pledges;
using CapacityBuilding.Funding.Repositories;

namespace CapacityBuilding.Funding.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(FundingPermissions.Table);
        builder.Services.AddSingleton<RedisDonorRepository>();
        builder.Services.AddSingleton<RedisPledgeRepository>();
        builder.Services.AddSingleton<DonorValidator>();
        builder.Services.AddSingleton<PledgeValidator>();
        return builder;
    }
}
